;;; eglot-client.el --- Emacs (batch) with eglot attached to `prodready lsp'
;; The eglot recipe of docs/editors.md (editors/emacs/prodready-eglot.el): opens a
;; file with a known defect, waits for the diagnostic (through flymake),
;; applies the code action and waits for the diagnostic to go.  Writes what
;; it saw to $RESULT; exits non-zero on any failure.
(require 'eglot)
(require 'cl-lib)

(defun prodready-say (fmt &rest args)
  (append-to-file (concat (apply #'format fmt args) "\n") nil (getenv "RESULT")))

(defun prodready-wait (predicate)
  (let ((deadline (+ (float-time) 60)))
    (while (and (not (funcall predicate)) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (funcall predicate)))

(defun prodready-codes ()
  (sort (mapcar (lambda (d)
                  (format "%d %s" (line-number-at-pos (flymake-diagnostic-beg d))
                          (flymake-diagnostic-text d)))
                (flymake-diagnostics))
        #'string<))

(condition-case err
    (progn
      ;; The recipe of docs/editors.md, as a user's init.el holds it
      ;; (prodready on PATH).
      (load (getenv "RECIPE") nil t)
      (find-file (getenv "FILE"))
      (apply #'eglot (eglot--guess-contact))
      (unless (prodready-wait (lambda () (eglot-current-server)))
        (error "eglot did not connect"))
      ;; Batch mode runs no post-command hook: start flymake's check here.
      (flymake-start)
      (unless (prodready-wait (lambda () (flymake-diagnostics)))
        (error "no diagnostics arrived"))
      (dolist (line (prodready-codes))
        (prodready-say "diagnostic %s" line))
      (goto-char (point-min))
      (forward-line 7)
      (let ((actions (eglot-code-actions (line-beginning-position) (line-end-position))))
        (unless (= (length actions) 1)
          (error "expected one code action, got %S" actions))
        (prodready-say "action %s" (plist-get (car actions) :title))
        (eglot--apply-workspace-edit (plist-get (car actions) :edit)))
      (prodready-say "line %s" (buffer-substring-no-properties
                                (line-beginning-position) (line-end-position)))
      ;; eglot sends changes from an idle timer, which batch mode never runs.
      (eglot--signal-textDocument/didChange)
      (unless (prodready-wait
               (lambda ()
                 (flymake-start)
                 (accept-process-output nil 0.1)
                 (not (cl-some (lambda (d) (string-match-p "insecure-transport"
                                                           (flymake-diagnostic-text d)))
                               (flymake-diagnostics)))))
        (error "the diagnostic did not go away after the fix"))
      (dolist (line (prodready-codes))
        (prodready-say "after %s" line))
      (eglot-shutdown (eglot-current-server))
      (prodready-say "done")
      (kill-emacs 0))
  (error (prodready-say "FAILED: %S" err)
         (kill-emacs 1)))
