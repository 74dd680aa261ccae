import { createReadStream, statSync } from 'node:fs';
import http from 'node:http';

/** Plain HTTP calls to the server process (keep-alive, so latency is the server's, not TCP setup). */
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

export interface HttpResponse {
  status: number;
  body: string;
}

export function request(
  baseUrl: string,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<HttpResponse> {
  const url = new URL(options.path, baseUrl);
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: options.method ?? 'GET', headers: options.headers, agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Streams a file as the request body, as a browser or curl uploads it. */
export function uploadFile(
  baseUrl: string,
  options: { path: string; file: string; headers: Record<string, string> },
): Promise<HttpResponse> {
  const url = new URL(options.path, baseUrl);
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        headers: { ...options.headers, 'content-length': String(statSync(options.file).size) },
        agent,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    createReadStream(options.file).pipe(req);
  });
}

export function closeHttp(): void {
  agent.destroy();
}
