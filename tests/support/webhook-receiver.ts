import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type SignatureCheck, verifyPublishWebhook, WEBHOOK_HEADERS } from '@yuqing/portal-adapter';

/** One request as the receiver saw it. */
export interface ReceivedRequest {
  event: string;
  idempotencyKey: string;
  signature: SignatureCheck;
  status: number;
  body: string;
}

export interface ReceiverOptions {
  secret: string;
  /**
   * How to fail, by request number (1-based, over all requests): `before` answers `status`
   * without applying the delivery (a crash before the work); `after` applies it and then answers
   * `status` (the reply was lost after the work was done).
   */
  failures?: Record<number, { status: number; when: 'before' | 'after' }>;
}

export interface WebhookReceiver {
  url: string;
  requests: ReceivedRequest[];
  /** Signed requests that reached processing, per idempotency key (duplicates included). */
  accepted: Map<string, number>;
  /** Requests per idempotency key, retries and bad signatures included. */
  attempts: Map<string, number>;
  /** What was applied, once per key, in order: what the portal would show. */
  payloads: Record<string, unknown>[];
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const header = (req: IncomingMessage, name: string): string | undefined => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

/**
 * A webhook receiver on 127.0.0.1 that does what a careful portal would: verifies the signature
 * (401 when it does not hold), then applies each idempotency key at most once (a repeated key is
 * answered 200 with the first result and not applied again).
 */
export async function startWebhookReceiver(options: ReceiverOptions): Promise<WebhookReceiver> {
  const requests: ReceivedRequest[] = [];
  const accepted = new Map<string, number>();
  const attempts = new Map<string, number>();
  const payloads: Record<string, unknown>[] = [];
  const server: Server = createServer(async (req, res) => {
    const body = await readBody(req);
    const key = header(req, WEBHOOK_HEADERS.idempotencyKey) ?? '';
    const signature = verifyPublishWebhook(
      options.secret,
      {
        signature: header(req, WEBHOOK_HEADERS.signature),
        timestamp: header(req, WEBHOOK_HEADERS.timestamp),
        idempotencyKey: key,
      },
      body,
    );
    const n = requests.length + 1;
    const failure = options.failures?.[n];
    const reply = (status: number, payload: unknown) => {
      requests.push({
        event: header(req, WEBHOOK_HEADERS.event) ?? '',
        idempotencyKey: key,
        signature,
        status,
        body,
      });
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(payload));
    };
    attempts.set(key, (attempts.get(key) ?? 0) + 1);
    if (signature !== 'ok') return reply(401, { error: `signature ${signature}` });
    if (failure?.when === 'before') return reply(failure.status, { error: 'temporarily unavailable' });
    const seen = accepted.get(key) ?? 0;
    accepted.set(key, seen + 1);
    if (seen === 0) payloads.push(JSON.parse(body) as Record<string, unknown>);
    if (failure?.when === 'after') return reply(failure.status, { error: 'reply lost' });
    reply(200, { id: `remote-${key}`, url: `http://portal.test/items/${encodeURIComponent(key)}` });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/publish`,
    requests,
    accepted,
    attempts,
    payloads,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
