/**
 * Channel adapters against real local receivers: an SMTP server (smtp-server) and HTTP endpoints
 * that check the signatures the way WeCom, DingTalk, Feishu and a generic webhook receiver would.
 */
import { createHmac } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeliveryError } from './http.ts';
import type { AlertMessage } from './message.ts';
import { sendDingtalk, sendFeishu, sendWebhook, sendWecom, truncateBytes } from './robots.ts';
import { sendMail } from './smtp.ts';
import { startReceiver } from './test-receiver.ts';

const NOW = new Date('2026-03-10T02:30:00.000Z');
const ctx = { deliveryId: 'dlv-0001', now: NOW, timeoutMs: 5000 };
const MESSAGE: AlertMessage = {
  alertId: 'alert-1',
  departmentId: 'd-city',
  level: 'red',
  levelName: '红色预警',
  title: '滨江一化工厂发生爆炸',
  reason: 'new',
  reasonName: '新预警',
  documents: 8,
  firstTriggeredAt: '2026-03-10T02:00:31.000Z',
  lastTriggeredAt: '2026-03-10T02:40:31.000Z',
  rules: ['危化品事故'],
  reasons: ['关键词：化工厂、爆炸'],
  volume: null,
  firstReport: {
    id: 'boom-1',
    title: '滨江一化工厂发生爆炸',
    url: 'http://news.test/boom-1.html',
    source: 'news',
    publishedAt: '2026-03-10T02:00:00.000Z',
    fetchedAt: '2026-03-10T02:00:30.000Z',
    sensitivity: 71,
    sentiment: 'negative',
  },
  samples: [],
  link: 'http://yuqing.test/alerts/alert-1',
};

/** RFC 2047 encoded words (as nodemailer writes a Chinese subject) back to text. */
function decodeHeader(value: string): string {
  const unfolded = value.replace(/\r?\n[ \t]+/g, ' ');
  return unfolded.replace(/(=\?UTF-8\?[BQ]\?[^?]*\?=\s*)+/gi, (run) => {
    const parts = [...run.matchAll(/=\?UTF-8\?([BQ])\?([^?]*)\?=/gi)].map(([, enc, text]) =>
      (enc as string).toUpperCase() === 'B'
        ? Buffer.from(text as string, 'base64')
        : Buffer.from(
            (text as string)
              .replace(/_/g, ' ')
              .replace(/=([0-9A-F]{2})/gi, (_, h) => String.fromCharCode(Number.parseInt(h, 16))),
            'latin1',
          ),
    );
    return Buffer.concat(parts).toString('utf8');
  });
}

describe('smtp', () => {
  const mails: Array<{ from: string; to: string[]; raw: string; user: unknown }> = [];
  let server: SMTPServer;
  let port = 0;
  beforeAll(async () => {
    server = new SMTPServer({
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      authOptional: true,
      logger: false,
      onAuth(auth, _session, cb) {
        if (auth.username === 'alerts' && auth.password === 'smtp-pass') cb(null, { user: 'alerts' });
        else cb(new Error('invalid credentials'));
      },
      onRcptTo(address, _session, cb) {
        if (address.address.startsWith('nobody@'))
          cb(Object.assign(new Error('no such user'), { responseCode: 550 }));
        else cb();
      },
      onData(stream, session, cb) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          mails.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('utf8'),
            user: session.user,
          });
          cb();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const config = (to: string[]) => ({
    host: '127.0.0.1',
    port,
    secure: false,
    user: 'alerts',
    password: 'smtp-pass',
    from: '舆情预警 <alerts@yuqing.test>',
    to,
    allowSelfSigned: false,
  });

  it('delivers the alert to a real SMTP server with its Chinese title', async () => {
    await sendMail(config(['duty@gov.test', 'leader@gov.test']), MESSAGE, ctx);
    expect(mails).toHaveLength(1);
    const mail = mails[0] as (typeof mails)[number];
    expect(mail.user).toBe('alerts');
    expect(mail.from).toBe('alerts@yuqing.test');
    expect(mail.to).toEqual(['duty@gov.test', 'leader@gov.test']);
    const subject = /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(mail.raw)?.[1] ?? '';
    expect(decodeHeader(subject)).toBe('【红色预警】滨江一化工厂发生爆炸');
    expect(mail.raw).toMatch(/^X-Yuqing-Delivery: dlv-0001/m);
  });

  it('does not retry a refused recipient', async () => {
    const error = await sendMail(config(['nobody@gov.test']), MESSAGE, ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeliveryError);
    expect((error as DeliveryError).retryable).toBe(false);
    expect((error as DeliveryError).message).not.toContain('smtp-pass');
  });
});

describe('webhooks and robots', () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    receiver = await startReceiver((_n, req) => {
      if (req.url.startsWith('/down')) return { status: 503, body: 'down' };
      if (req.url.startsWith('/bad')) return { status: 400, body: 'bad' };
      if (req.url.startsWith('/limited'))
        return { status: 200, body: '{"errcode":130101,"errmsg":"send too fast"}' };
      if (req.url.startsWith('/wrongkey'))
        return { status: 200, body: '{"errcode":93000,"errmsg":"invalid webhook url"}' };
      return { status: 200, body: '{"errcode":0,"errmsg":"ok","code":0,"msg":"success"}' };
    });
  });
  afterAll(() => receiver.close());
  const last = () => receiver.received.at(-1) as (typeof receiver.received)[number];

  it('signs the generic webhook body with HMAC-SHA256 and sends the idempotency key', async () => {
    const secret = 'webhook-secret-0123456789';
    await sendWebhook({ url: `${receiver.url}/hook`, secret }, MESSAGE, ctx);
    const req = last();
    const expected = `sha256=${createHmac('sha256', secret).update(req.body).digest('hex')}`;
    expect(req.headers['x-yuqing-signature']).toBe(expected);
    expect(req.headers['x-yuqing-timestamp']).toBe(String(NOW.getTime() / 1000));
    expect(req.headers['idempotency-key']).toBe('dlv-0001');
    const body = JSON.parse(req.body);
    expect(body).toMatchObject({ id: 'dlv-0001', type: 'alert', timestamp: NOW.getTime() / 1000 });
    expect(body.alert.title).toBe('滨江一化工厂发生爆炸');
  });

  it('retries 5xx and not 4xx', async () => {
    const down = await sendWebhook({ url: `${receiver.url}/down` }, MESSAGE, ctx).catch(
      (e: DeliveryError) => e,
    );
    expect(down).toMatchObject({ retryable: true, statusCode: 503 });
    const bad = await sendWebhook({ url: `${receiver.url}/bad` }, MESSAGE, ctx).catch(
      (e: DeliveryError) => e,
    );
    expect(bad).toMatchObject({ retryable: false, statusCode: 400 });
  });

  it('sends WeCom markdown', async () => {
    await sendWecom({ url: `${receiver.url}/cgi-bin/webhook/send?key=k1` }, MESSAGE, ctx);
    const body = JSON.parse(last().body);
    expect(body.msgtype).toBe('markdown');
    expect(body.markdown.content).toContain('【红色预警】滨江一化工厂发生爆炸');
    expect(Buffer.byteLength(body.markdown.content)).toBeLessThanOrEqual(4096);
    expect(Buffer.byteLength(truncateBytes('预'.repeat(3000), 4096))).toBeLessThanOrEqual(4096);
  });

  it('signs DingTalk requests with timestamp + secret', async () => {
    const secret = 'SEC0123456789abcdef';
    await sendDingtalk(
      { url: `${receiver.url}/robot/send?access_token=t1`, secret, atMobiles: ['13800000000'] },
      MESSAGE,
      ctx,
    );
    const url = new URL(last().url, receiver.url);
    const timestamp = url.searchParams.get('timestamp') as string;
    expect(timestamp).toBe(String(NOW.getTime()));
    const expected = createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
    expect(url.searchParams.get('sign')).toBe(expected);
    expect(url.searchParams.get('access_token')).toBe('t1');
    const body = JSON.parse(last().body);
    expect(body).toMatchObject({ msgtype: 'markdown', at: { atMobiles: ['13800000000'], isAtAll: false } });
    expect(body.markdown.title).toContain('滨江一化工厂发生爆炸');
    expect(body.markdown.text).toContain('@13800000000');
  });

  it('signs Feishu requests in the body', async () => {
    const secret = 'feishu-secret';
    await sendFeishu({ url: `${receiver.url}/open-apis/bot/v2/hook/x`, secret }, MESSAGE, ctx);
    const body = JSON.parse(last().body);
    const timestamp = String(NOW.getTime() / 1000);
    expect(body.timestamp).toBe(timestamp);
    expect(body.sign).toBe(createHmac('sha256', `${timestamp}\n${secret}`).update('').digest('base64'));
    expect(body.msg_type).toBe('post');
    expect(body.content.post.zh_cn.title).toBe('【红色预警】滨江一化工厂发生爆炸');
    expect(body.content.post.zh_cn.content.at(-1)).toEqual([
      { tag: 'a', text: '查看预警', href: MESSAGE.link },
    ]);
  });

  it('reads the robots’ error codes: a rate limit is retried, a wrong key is not', async () => {
    const limited = await sendDingtalk({ url: `${receiver.url}/limited`, atMobiles: [] }, MESSAGE, ctx).catch(
      (e) => e,
    );
    expect(limited).toMatchObject({ retryable: true });
    const wrong = await sendWecom({ url: `${receiver.url}/wrongkey` }, MESSAGE, ctx).catch((e) => e);
    expect(wrong).toMatchObject({ retryable: false });
    expect((wrong as Error).message).not.toContain('key=');
  });
});
