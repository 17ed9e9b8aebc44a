/**
 * A model server on 127.0.0.1 for recording agents' whole turns offline. It speaks Anthropic's Messages API
 * (streamed as server-sent events, and plain JSON when not streamed), which Claude Code reaches through
 * ANTHROPIC_BASE_URL, and OpenAI's Responses API (streamed; text replies only), which Codex reaches as a
 * custom model provider. Each Anthropic reply is scripted from the last user message:
 * - one that asks to "run" something gets a Bash tool call (`touch made-by-agent.txt`), so the agent asks permission first;
 * - a tool result gets "Done: the file is made.";
 * - anything else gets "Hello from the model." streamed over about two seconds, as a model thinks.
 */
import { createServer } from 'node:http';

const STREAM_MS = 2000;

function lastUserText(body) {
  const last = [...(body.messages ?? [])].reverse().find((m) => m.role === 'user');
  if (!last) return { text: '', toolResult: false };
  const blocks = typeof last.content === 'string' ? [{ type: 'text', text: last.content }] : last.content;
  return {
    text: blocks.filter((b) => b.type === 'text').map((b) => b.text).join(' '),
    toolResult: blocks.some((b) => b.type === 'tool_result'),
  };
}

function reply(body) {
  const { text, toolResult } = lastUserText(body);
  if (toolResult) return [{ type: 'text', text: 'Done: the file is made.' }];
  if (/\brun\b/i.test(text) && body.tools?.some((t) => t.name === 'Bash')) {
    return [{ type: 'tool_use', id: `toolu_${Date.now()}`, name: 'Bash', input: { command: 'touch made-by-agent.txt', description: 'Create a file' } }];
  }
  return [{ type: 'text', text: 'Hello from the model.' }];
}

const sse = (res, event, data) => res.write(`event: ${event}\ndata: ${JSON.stringify({ type: event, ...data })}\n\n`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function stream(res, body, content) {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const usage = { input_tokens: 10, output_tokens: 1 };
  sse(res, 'message_start', { message: { id: `msg_${Date.now()}`, type: 'message', role: 'assistant', model: body.model, content: [], stop_reason: null, stop_sequence: null, usage } });
  for (const [index, block] of content.entries()) {
    if (block.type === 'text') {
      sse(res, 'content_block_start', { index, content_block: { type: 'text', text: '' } });
      const words = block.text.split(/(?<= )/);
      for (const word of words) {
        await sleep(STREAM_MS / words.length);
        sse(res, 'content_block_delta', { index, delta: { type: 'text_delta', text: word } });
      }
    } else {
      await sleep(STREAM_MS / 2);
      sse(res, 'content_block_start', { index, content_block: { ...block, input: {} } });
      sse(res, 'content_block_delta', { index, delta: { type: 'input_json_delta', partial_json: JSON.stringify(block.input) } });
    }
    sse(res, 'content_block_stop', { index });
  }
  const stop = content.some((b) => b.type === 'tool_use') ? 'tool_use' : 'end_turn';
  sse(res, 'message_delta', { delta: { stop_reason: stop, stop_sequence: null }, usage: { output_tokens: 12 } });
  sse(res, 'message_stop', {});
  res.end();
}

/** A Responses API stream of one text message, over about two seconds. */
async function responsesStream(res, body) {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const send = (type, data) => res.write(`event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`);
  const id = `resp_${Date.now()}`;
  const response = { id, object: 'response', created_at: Math.floor(Date.now() / 1000), model: body.model, status: 'in_progress', output: [] };
  send('response.created', { response });
  const text = 'Hello from the model.';
  const item = { id: `msg_${Date.now()}`, type: 'message', role: 'assistant', status: 'in_progress', content: [] };
  send('response.output_item.added', { output_index: 0, item });
  send('response.content_part.added', { item_id: item.id, output_index: 0, content_index: 0, part: { type: 'output_text', text: '', annotations: [] } });
  const words = text.split(/(?<= )/);
  for (const word of words) {
    await sleep(STREAM_MS / words.length);
    send('response.output_text.delta', { item_id: item.id, output_index: 0, content_index: 0, delta: word });
  }
  const done = { ...item, status: 'completed', content: [{ type: 'output_text', text, annotations: [] }] };
  send('response.output_text.done', { item_id: item.id, output_index: 0, content_index: 0, text });
  send('response.output_item.done', { output_index: 0, item: done });
  const usage = { input_tokens: 10, input_tokens_details: { cached_tokens: 0 }, output_tokens: 5, output_tokens_details: { reasoning_tokens: 0 }, total_tokens: 15 };
  send('response.completed', { response: { ...response, status: 'completed', output: [done], usage } });
  res.end();
}

export function startModelServer() {
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      let body = {};
      try {
        body = raw ? JSON.parse(raw) : {};
      } catch {}
      if (req.method === 'POST' && req.url?.startsWith('/v1/responses')) return void responsesStream(res, body);
      if (req.method === 'POST' && req.url?.startsWith('/v1/messages/count_tokens')) return res.end(JSON.stringify({ input_tokens: 10 }));
      if (req.method === 'POST' && req.url?.startsWith('/v1/messages')) {
        const content = reply(body);
        if (body.stream) return void stream(res, body, content);
        res.setHeader('content-type', 'application/json');
        return res.end(JSON.stringify({ id: `msg_${Date.now()}`, type: 'message', role: 'assistant', model: body.model, content, stop_reason: 'end_turn', stop_sequence: null, usage: { input_tokens: 10, output_tokens: 5 } }));
      }
      res.statusCode = 404;
      res.end('{}');
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(done)) });
    });
  });
}
