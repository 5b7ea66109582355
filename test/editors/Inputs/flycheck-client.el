;;; flycheck-client.el --- Emacs (batch) with the flycheck recipe -*- lexical-binding: t -*-
;; Loads the recipe of docs/editors.md ($RECIPE, as a user's init.el holds
;; it), opens $FILE, runs flycheck (batch mode runs no idle timer: the check
;; is started here) and waits for it (at most 120 s), then writes the errors
;; flycheck holds to $RESULT, one 'line:col level id message' each.
(require 'cl-lib)
(defun prodready-say (fmt &rest args)
  (append-to-file (concat (apply #'format fmt args) "\n") nil (getenv "RESULT")))

(condition-case err
    (progn
      (load (getenv "RECIPE") nil t)
      (find-file (getenv "FILE"))
      (unless flycheck-mode (error "flycheck-mode is off in %s" major-mode))
      (prodready-say "checker %s" (flycheck-get-checker-for-buffer))
      (flycheck-buffer)
      (let ((deadline (+ (float-time) 120)))
        (while (and (not (memq flycheck-last-status-change '(finished errored suspicious)))
                    (< (float-time) deadline))
          (accept-process-output nil 0.1)))
      (prodready-say "status %s" flycheck-last-status-change)
      (dolist (e flycheck-current-errors)
        (prodready-say "%d:%d %s %s %s" (flycheck-error-line e) (flycheck-error-column e)
                       (flycheck-error-level e) (flycheck-error-id e)
                       (flycheck-error-message e)))
      (prodready-say "done")
      (kill-emacs 0))
  (error (prodready-say "FAILED: %S" err)
         (kill-emacs 1)))
