" prodready's checks in Vim through ALE and clang-tidy-19 (Debian: vim-ale).
packadd! ale
let g:ale_linters = {'cpp': ['clangtidy']}
let g:ale_cpp_clangtidy_executable = 'clang-tidy-19'
let g:ale_cpp_clangtidy_checks = ['-*', 'prodready-*']
" ale_cpp_clangtidy_options holds compiler flags (and turns the compilation
" database off); clang-tidy's own flags go in ale_cpp_clangtidy_extra_options,
" which ALE passes as a single argument: one flag only.
let g:ale_cpp_clangtidy_extra_options = '--load=/usr/lib/prodready/libProdReadyTidy.so'
" compile_commands.json is looked for in the file's directory and its
" parents, and in their build/ directories.
let g:ale_c_build_dir_names = ['build']
