" Vim (vim-nox) with ALE, headless: after the recipe (the vimrc), opens
" $FILE, asks ALE to lint it and waits (at most 120 s) for ALE's
" ALELintPost event, then writes the location list ALE filled to $RESULT,
" one 'line:col type text' per entry, and quits (exit status 1 on timeout).
let s:linted = 0
augroup prodready_test
  autocmd!
  autocmd User ALELintPost let s:linted = 1
augroup END
filetype plugin on
execute 'edit' fnameescape($FILE)
ALELint
let s:waited = 0
while !s:linted && s:waited < 1200
  sleep 100m
  let s:waited += 1
endwhile
let s:lines = ['linted ' . s:linted]
for s:item in ale#engine#GetLoclist(bufnr(''))
  call add(s:lines, printf('%d:%d %s %s', s:item.lnum, s:item.col, s:item.type, s:item.text))
endfor
call add(s:lines, 'done')
call writefile(s:lines, $RESULT)
execute s:linted ? 'qall!' : 'cquit'
