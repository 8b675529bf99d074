-- Drives the Pool Guide language server from Neovim's built-in LSP client (0.7+, headless):
-- waits for diagnostics, asks for a hover and the quick fixes at given positions, applies the fix
-- whose title starts with ACTION_PREFIX, saves the file, and writes what it saw to RESULT as JSON.
-- Run by e2e/tests/neovim.test.js:  nvim --headless -u NONE -i NONE -n -c 'luafile client.lua' FILE
local env = vim.env
local result = { diagnostics = {}, actions = {} }

local function finish()
  vim.fn.writefile({ vim.fn.json_encode(result) }, env.RESULT)
  vim.cmd('qa!')
end

local ok, err = pcall(function()
  local bufnr = vim.api.nvim_get_current_buf()
  local uri = vim.uri_from_bufnr(bufnr)
  vim.bo[bufnr].filetype = 'python' -- -u NONE: no filetype detection
  local published = nil
  local ready = false
  local id = vim.lsp.start_client({
    name = 'pool-guide',
    cmd = { 'node', env.SERVER, '--stdio' },
    root_dir = env.ROOT,
    on_init = function() ready = true end,
    handlers = {
      ['textDocument/publishDiagnostics'] = function(e, res, ctx, config)
        if res.uri == uri then published = res.diagnostics end
        return vim.lsp.handlers['textDocument/publishDiagnostics'](e, res, ctx, config)
      end,
    },
  })
  assert(id, 'start_client failed')
  assert(vim.wait(20000, function() return ready end, 20), 'server did not initialize within 20 s')
  vim.lsp.buf_attach_client(bufnr, id)
  local client = vim.lsp.get_client_by_id(id)
  assert(vim.wait(20000, function() return published ~= nil and #published > 0 end, 20), 'no diagnostics within 20 s')
  result.diagnostics = published

  local doc = { uri = uri }
  local hover = client.request_sync('textDocument/hover', { textDocument = doc,
    position = { line = tonumber(env.HOVER_LINE), character = tonumber(env.HOVER_CHARACTER) } }, 10000, bufnr)
  result.hover = hover and (hover.err or hover.result)

  local at = { line = tonumber(env.ACTION_LINE), character = tonumber(env.ACTION_CHARACTER) }
  local on_line = vim.tbl_filter(function(d) return d.range.start.line == at.line end, published)
  local actions = client.request_sync('textDocument/codeAction', { textDocument = doc,
    range = { start = at, ['end'] = at }, context = { diagnostics = on_line } }, 10000, bufnr)
  for _, action in ipairs((actions and actions.result) or {}) do
    table.insert(result.actions, action.title)
    if result.applied == nil and vim.startswith(action.title, env.ACTION_PREFIX) then
      vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
      result.applied = action.title
    end
  end
  vim.cmd('silent write')
  vim.lsp.stop_client(id)
end)
if not ok then result.error = tostring(err) end
finish()
