// The shape of boost/mpl/aux_/integral_wrapper.hpp (Boost <= 1.80).
enum int_float_mixture_enum { integral_integral, integral_float, float_integral, float_float };
template <int N> struct integral_c {
  static constexpr int_float_mixture_enum next_value =
      static_cast<int_float_mixture_enum>(N - 1);
};
inline constexpr int_float_mixture_enum first = integral_c<0>::next_value;
