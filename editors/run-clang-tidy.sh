# The plugin's checks over every file of build/compile_commands.json, in
# parallel, with LLVM's runner (run from the project's root).
run-clang-tidy-19 -p build -load /usr/lib/prodready/libProdReadyTidy.so -checks='-*,prodready-*' -quiet
