;; prodready's language server in Emacs with eglot (init.el).
(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs
               '((c-mode c++-mode c-ts-mode c++-ts-mode) . ("prodready" "lsp"))))
