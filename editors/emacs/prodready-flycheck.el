;; prodready's checks in Emacs through flycheck and clang-tidy-19 with the
;; plugin (Debian: elpa-flycheck; init.el). A saved C or C++ file is checked
;; with the compilation database clang-tidy finds in its directory or a
;; parent, or else in the build/ directory of the nearest parent that has one.
(require 'flycheck)

(defun prodready-build-dir ()
  "The build/ directory of the nearest parent that has build/compile_commands.json."
  (let ((root (locate-dominating-file default-directory "build/compile_commands.json")))
    (and root (expand-file-name "build" root))))

(flycheck-define-checker prodready-clang-tidy
  "prodready's checks through clang-tidy-19 and the prodready plugin."
  :command ("clang-tidy-19" "--load=/usr/lib/prodready/libProdReadyTidy.so"
            "--checks=-*,prodready-*" "--quiet"
            (eval (let ((dir (prodready-build-dir))) (and dir (list "-p" dir))))
            source-original)
  :error-patterns
  ((error line-start (file-name) ":" line ":" column ": error: " (message)
          " [" (id (one-or-more (not (any "]")))) "]" line-end)
   (warning line-start (file-name) ":" line ":" column ": warning: " (message)
            " [" (id (one-or-more (not (any "]")))) "]" line-end))
  :modes (c-mode c++-mode)
  ;; clang-tidy reads the file on disk.
  :predicate flycheck-buffer-saved-p)

(add-to-list 'flycheck-checkers 'prodready-clang-tidy)
(add-hook 'c-mode-common-hook #'flycheck-mode)
