-- prodready's language server in Neovim 0.7 and later (init.lua): one
-- client, attached to every C and C++ buffer, beside clangd.
local prodready_client
vim.api.nvim_create_autocmd('FileType', {
  pattern = { 'c', 'cpp' },
  callback = function(args)
    if not prodready_client or vim.lsp.client_is_stopped(prodready_client) then
      prodready_client = vim.lsp.start_client({
        name = 'prodready',
        cmd = { 'prodready', 'lsp' },
        root_dir = vim.fn.getcwd(),
      })
    end
    vim.lsp.buf_attach_client(args.buf, prodready_client)
  end,
})
