-- Neovim (0.7+) headless, its built-in LSP client attached to `prodready lsp`:
-- opens a file with a known defect, waits for the diagnostic, applies the
-- code action and waits for the diagnostic to go. Writes what it saw to
-- $RESULT; exits non-zero on any failure.
local result = io.open(os.getenv('RESULT'), 'w')
local function say(text)
  result:write(text .. '\n')
  result:flush()
end

local function run()
  -- The recipe of docs/editors.md, as a user's init.lua holds it
  -- (prodready on PATH).
  dofile(os.getenv('RECIPE'))
  vim.cmd('filetype on')
  vim.cmd('edit ' .. os.getenv('FILE'))
  local buf = vim.api.nvim_get_current_buf()
  -- The client is the buffer's once it is initialized.
  local client_id
  vim.wait(60000, function()
    for _, client in pairs(vim.lsp.buf_get_clients(buf)) do
      if client.name == 'prodready' then client_id = client.id end
    end
    return client_id ~= nil
  end, 50)
  assert(client_id, 'the FileType autocommand did not attach the client')

  local function findings()
    local out = {}
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
      table.insert(out, { line = d.lnum, col = d.col, code = code, message = d.message })
    end
    table.sort(out, function(a, b) return a.line < b.line end)
    return out
  end

  assert(vim.wait(60000, function() return #findings() > 0 end, 50), 'no diagnostics arrived')
  local target
  for _, f in ipairs(findings()) do
    say(string.format('diagnostic %d:%d %s', f.line + 1, f.col + 1, f.code))
    if f.code == 'prodready-insecure-transport' then target = f end
  end
  assert(target, 'no insecure-transport diagnostic')

  local params = {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = { start = { line = target.line, character = 0 },
              ['end'] = { line = target.line, character = 0 } },
    context = { diagnostics = {} },
  }
  local responses = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, 10000)
  local applied = 0
  for _, response in pairs(responses or {}) do
    for _, action in ipairs(response.result or {}) do
      say('action ' .. action.title)
      vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
      applied = applied + 1
    end
  end
  assert(applied == 1, 'expected one code action')
  say('line ' .. vim.api.nvim_buf_get_lines(buf, target.line, target.line + 1, false)[1])

  -- The edit reaches the server as didChange; the finding goes away.
  assert(vim.wait(60000, function()
    for _, f in ipairs(findings()) do
      if f.code == 'prodready-insecure-transport' then return false end
    end
    return true
  end, 50), 'the diagnostic did not go away after the fix')
  for _, f in ipairs(findings()) do
    say(string.format('after %d:%d %s', f.line + 1, f.col + 1, f.code))
  end
  vim.lsp.stop_client(client_id)
  vim.wait(5000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
  say('done')
end

local ok, err = pcall(run)
if not ok then
  say('FAILED: ' .. tostring(err))
  result:close()
  vim.cmd('cquit 1')
end
result:close()
vim.cmd('qall!')
