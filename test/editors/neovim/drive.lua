-- Drives Neovim's built-in LSP client (vim.lsp, Neovim 0.7+) against the model-card language
-- server: opens a card, waits for the server's diagnostics, asks for a hover and the code actions
-- at the first diagnostic, applies the first quick fix, waits for the re-check, and writes what
-- Neovim received as JSON. Run headless by test/editors/neovim.test.ts; paths come from the environment.
local cmd = vim.fn.json_decode(os.getenv('MC_SERVER_CMD'))
local card = os.getenv('MC_CARD')
local out = os.getenv('MC_OUT')
local hover_line, hover_character = string.match(os.getenv('MC_HOVER') or '', '^(%d+),(%d+)$')
local result = { log = {} }

local function finish()
  vim.fn.writefile({ vim.fn.json_encode(result) }, out)
  vim.cmd('qall!')
end

-- Count the server's publications for this card, keeping the raw LSP diagnostics of the last one.
local publications, raw = 0, {}
local default_publish = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, params, ctx, config)
  default_publish(err, params, ctx, config)
  if params and vim.uri_to_fname(params.uri) == card then
    publications = publications + 1
    raw = params.diagnostics
  end
end

vim.cmd('edit ' .. vim.fn.fnameescape(card))
local buf = vim.api.nvim_get_current_buf()
local client_id = vim.lsp.start_client({ name = 'modelcards', cmd = cmd, root_dir = vim.fn.fnamemodify(card, ':h') })
if not client_id then
  result.error = 'vim.lsp.start_client failed'
  return finish()
end
vim.lsp.buf_attach_client(buf, client_id)

result.published = vim.wait(30000, function() return publications > 0 end, 10)
local function received()
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    table.insert(list, { code = lsp.code, severity = d.severity, lnum = d.lnum, col = d.col,
      end_lnum = d.end_lnum, end_col = d.end_col, message = d.message, source = d.source })
  end
  return list
end
result.diagnostics = received()
result.filetype = vim.bo[buf].filetype

local uri = vim.uri_from_bufnr(buf)
if hover_line then
  local responses = vim.lsp.buf_request_sync(buf, 'textDocument/hover', {
    textDocument = { uri = uri }, position = { line = tonumber(hover_line), character = tonumber(hover_character) },
  }, 10000)
  local response = responses and responses[client_id]
  result.hover = response and response.result or vim.NIL
end

if #raw > 0 then
  local first = raw[1]
  local responses = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', {
    textDocument = { uri = uri }, range = first.range, context = { diagnostics = { first }, only = { 'quickfix' } },
  }, 10000)
  local actions = responses and responses[client_id] and responses[client_id].result or {}
  result.actions = {}
  for _, action in ipairs(actions) do table.insert(result.actions, { title = action.title, kind = action.kind }) end
  local fix = actions[1]
  if fix and fix.edit then
    local before = publications
    vim.lsp.util.apply_workspace_edit(fix.edit, 'utf-16')
    result.fixed_code = first.code
    result.republished = vim.wait(30000, function() return publications > before end, 10)
    result.after_fix = received()
    result.text_after_fix = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n')
  end
end

vim.lsp.stop_client(client_id)
finish()
