import type { IncomingMessage, ServerResponse } from 'node:http';
import { leadOr404, appendCall } from '../lead-ops.ts';
import { renderCall } from '../render-rest.ts';
import type { Router } from '../router.ts';
import type { SimCore } from '../sim-core.ts';

export function registerCallRoutes(router: Router): void {
  router
    // Places a call now. Real telephony answers later; the simulator settles it at once from the queue.
    .add('POST', '/lead/:id/call', ({ core, params }) => {
      appendCall(core, leadOr404(core.state, params.id!), core.callQueue.shift() ?? { disposition: 'ANSWERED' });
      return undefined;
    })
    .add('GET', '/lead/:id/calls', ({ core, params }) => {
      const lead = leadOr404(core.state, params.id!);
      return [...core.state.calls.values()].filter((c) => c.leadId === lead.id).map((c) => renderCall(core, c));
    });
}

/** Three silent MPEG-1 Layer III frames (128 kbit/s, 44.1 kHz) behind an empty ID3v2 tag. */
const FAKE_MP3 = (() => {
  const id3 = Buffer.from([0x49, 0x44, 0x33, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]);
  const frame = Buffer.alloc(417);
  frame.set([0xff, 0xfb, 0x90, 0x64]);
  return Buffer.concat([id3, frame, frame, frame]);
})();

/**
 * GET /records/{call_id}.mp3: the recording host of the real service is separate and open
 * (no token), and honours Range with 206, which players rely on.
 */
export function serveRecord(core: SimCore, req: IncomingMessage, res: ServerResponse, callId: number): void {
  const call = core.state.calls.get(callId);
  if (!call || call.disposition !== 'ANSWERED') {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Запись не найдена');
    return;
  }
  const total = FAKE_MP3.length;
  const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
  if (range && (range[1] || range[2])) {
    const start = range[1] ? Number(range[1]) : Math.max(0, total - Number(range[2]));
    const end = range[1] && range[2] ? Math.min(Number(range[2]), total - 1) : total - 1;
    if (start >= total || start > end) {
      res.writeHead(416, { 'content-range': `bytes */${total}` }).end();
      return;
    }
    res.writeHead(206, {
      'content-type': 'audio/mpeg', 'accept-ranges': 'bytes', 'content-range': `bytes ${start}-${end}/${total}`, 'content-length': end - start + 1,
    });
    res.end(req.method === 'HEAD' ? undefined : FAKE_MP3.subarray(start, end + 1));
    return;
  }
  res.writeHead(200, { 'content-type': 'audio/mpeg', 'accept-ranges': 'bytes', 'content-length': total });
  res.end(req.method === 'HEAD' ? undefined : FAKE_MP3);
}
