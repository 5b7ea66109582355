void c() {}
