import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

/** One response as it came over the wire: fetch() would decode the body and hide Content-Encoding's work. */
export interface RawResponse {
  status: number;
  headers: Record<string, string | undefined>;
  /** The body as sent (compressed, if Content-Encoding says so). */
  body: Buffer;
  /** The body decoded by its Content-Encoding. */
  decoded(): Buffer;
}

export function rawGet(
  url: string,
  headers: Record<string, string> = {},
  method: 'GET' | 'HEAD' = 'GET',
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        const flat: Record<string, string | undefined> = {};
        for (const [name, value] of Object.entries(res.headers))
          flat[name] = Array.isArray(value) ? value.join(', ') : value;
        const encoding = flat['content-encoding'];
        resolve({
          status: res.statusCode ?? 0,
          headers: flat,
          body,
          decoded: () =>
            encoding === 'br' ? brotliDecompressSync(body) : encoding === 'gzip' ? gunzipSync(body) : body,
        });
      });
    });
    req.on('error', reject);
    req.end();
  });
}
