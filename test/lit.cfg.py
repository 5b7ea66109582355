# -*- Python -*-
# lit configuration for prodready. Build-specific values come from
# lit.site.cfg.py, which CMake generates in the build directory.
import os
import lit.formats

config.name = "prodready"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".cpp", ".cc", ".test"]
config.excludes = ["Inputs", "examples", "lit.cfg.py", "lit.site.cfg.py", "CMakeLists.txt",
                   "unit", "fuzz", "corpus"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.prodready_build_dir, "test")

# The LLVM 19 tools (FileCheck, not, count) come first on PATH.
config.environment["PATH"] = os.pathsep.join(
    [config.llvm_tools_dir, config.environment.get("PATH", os.environ["PATH"])])
for var in ("HOME", "TMPDIR", "LANG", "LC_ALL", "LD_PRELOAD", "ASAN_OPTIONS", "UBSAN_OPTIONS"):
    if var in os.environ:
        config.environment[var] = os.environ[var]

python = "/usr/bin/python3"
plugin = config.prodready_plugin
driver = config.prodready_driver
tidy = config.clang_tidy
src = os.path.dirname(config.test_source_root)

config.substitutions.append(
    ("%expect_exit", "%s %s" % (python, os.path.join(config.test_source_root, "tools", "expect_exit.py"))))
config.substitutions.append(("%python", python))
config.substitutions.append(("%plugin", plugin))
config.substitutions.append(("%prodready", driver))
config.substitutions.append(("%clang_tidy", tidy))
config.substitutions.append(("%clangxx", config.clangxx))
# The LLVM/Clang headers, to compile a check's source alone (new-rule.test).
config.substitutions.append(
    ("%llvm_includedir", os.path.normpath(os.path.join(config.llvm_tools_dir, os.pardir, "include"))))
# PATH with the built driver first: recipes call `prodready` from PATH.
config.substitutions.append(
    ("%path_with_prodready", "PATH=" + os.pathsep.join(
        [os.path.dirname(driver), config.environment["PATH"]])))
config.substitutions.append(("%tidy", "%s --load=%s" % (tidy, plugin)))
config.substitutions.append(("%inputs", os.path.join(config.test_source_root, "checks", "Inputs")))
config.substitutions.append(("%srcroot", src))
config.substitutions.append(("%builddir", config.prodready_build_dir))
config.substitutions.append(("%scripts", os.path.join(src, "scripts")))
config.substitutions.append(("%testtools", os.path.join(config.test_source_root, "tools")))
config.substitutions.append(("%unittests", config.prodready_unittests))
config.substitutions.append(
    ("%check_prodready",
     "%s %s --tidy=%s --plugin=%s --driver=%s --inputs=%s" % (
         python, os.path.join(config.test_source_root, "tools", "check_prodready.py"),
         tidy, plugin, driver, os.path.join(config.test_source_root, "checks", "Inputs"))))
config.substitutions.append(
    ("%check_fixes",
     "%s %s --tidy=%s --plugin=%s --driver=%s --clangxx=%s --inputs=%s" % (
         python, os.path.join(config.test_source_root, "tools", "check_fixes.py"),
         tidy, plugin, driver, config.clangxx,
         os.path.join(config.test_source_root, "checks", "Inputs"))))
config.substitutions.append(
    ("%validate_sarif",
     "%s %s" % (python, os.path.join(config.test_source_root, "tools", "validate_sarif.py"))))

# Optional features: integration tests against real library headers declare
# REQUIRES: on the packages they need; scripts/test.sh installs all of them.
def have_header(path):
    return os.path.exists(os.path.join("/usr/include", path))

for feature, header in [("curl", "x86_64-linux-gnu/curl/curl.h"),
                        ("boost", "boost/asio.hpp"),
                        ("spdlog", "spdlog/spdlog.h"),
                        ("fmt", "fmt/format.h"),
                        ("glog", "glog/logging.h"),
                        ("absl", "absl/status/status.h"),
                        ("openssl", "openssl/ssl.h"),
                        ("sqlite3", "sqlite3.h"),
                        ("grpcpp", "grpcpp/grpcpp.h"),
                        ("httplib", "httplib.h"),
                        ("gtest", "gtest/gtest.h"),
                        ("nlohmann-json", "nlohmann/json.hpp"),
                        ("jsoncpp", "jsoncpp/json/json.h"),
                        ("mysql", "mariadb/mysql.h"),
                        ("hiredis", "hiredis/hiredis.h"),
                        ("pqxx", "pqxx/pqxx"),
                        ("curlpp", "curlpp/Easy.hpp")]:
    if have_header(header) or have_header(header.replace("x86_64-linux-gnu/", "")):
        config.available_features.add(feature)
import shutil
if hasattr(os, "geteuid") and os.geteuid() == 0:
    config.available_features.add("root")
if shutil.which("clang-format-19"):
    config.available_features.add("clang-format")
if shutil.which("git"):
    config.available_features.add("git")
if shutil.which("dpkg-deb") and shutil.which("cpack"):
    config.available_features.add("dpkg")
if shutil.which("node"):
    config.available_features.add("node")
import glob
if shutil.which("emacs") and (glob.glob("/usr/share/emacs/site-lisp/elpa/eglot-*") or
                              glob.glob("/usr/share/emacs/*/lisp/progmodes/eglot.el*")):
    config.available_features.add("eglot")
if shutil.which("vim") and glob.glob("/usr/share/vim/vimfiles/pack/*/opt/ale/plugin/ale.vim"):
    config.available_features.add("vim-ale")
if shutil.which("emacs") and glob.glob("/usr/share/emacs/site-lisp/elpa/flycheck-*"):
    config.available_features.add("flycheck")
if shutil.which("run-clang-tidy-19") and shutil.which("cmake"):
    config.available_features.add("run-clang-tidy")
if shutil.which("nvim"):
    config.available_features.add("neovim")
if shutil.which("pre-commit"):
    config.available_features.add("pre-commit")
if os.path.exists(os.path.join(src, "test", "tools", "node_modules", "@microsoft",
                               "sarif-multitool-linux", "Sarif.Multitool")):
    config.available_features.add("sarif-multitool")
