import { RobotsTxtFile } from 'crawlee';
import { fetchListing } from './listing-fetch.ts';

/**
 * robots.txt for feed and sitemap fetches (page fetches use Crawlee's own check), one file per
 * origin and run. A missing or unreachable robots.txt allows everything, as crawlers commonly do.
 */
export class RobotsCache {
  private readonly files = new Map<string, Promise<RobotsTxtFile | null>>();

  constructor(
    private readonly userAgent: string,
    private readonly timeoutMs: number,
  ) {}

  async allows(url: string): Promise<boolean> {
    const origin = new URL(url).origin;
    let file = this.files.get(origin);
    if (!file) {
      file = this.load(origin);
      this.files.set(origin, file);
    }
    const robots = await file;
    return robots === null || robots.isAllowed(url, this.userAgent);
  }

  private async load(origin: string): Promise<RobotsTxtFile | null> {
    const url = `${origin}/robots.txt`;
    const res = await fetchListing({
      url,
      userAgent: this.userAgent,
      maxBytes: 500_000,
      timeoutMs: this.timeoutMs,
      retries: 0,
    });
    return res.status === 'ok' ? RobotsTxtFile.from(url, res.bytes.toString('utf8')) : null;
  }
}
