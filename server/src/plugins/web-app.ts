import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';
import { AppError } from '../lib/errors.ts';

export interface WebAppPluginOptions {
  webDistDir: string;
}

/**
 * Serves the built dashboard at `/`. Client-side routes (/week, /settings...) get index.html; unknown
 * /api paths keep their JSON 404.
 */
export default fp<WebAppPluginOptions>(
  async (app, options) => {
    const indexHtml = path.join(options.webDistDir, 'index.html');
    if (!existsSync(indexHtml)) {
      app.log.warn(`No built dashboard at ${options.webDistDir}: run \`npm run build\` to serve it.`);
      return;
    }
    // wildcard: false registers one route per built file, so the catch-all below only sees page paths.
    await app.register(fastifyStatic, { root: options.webDistDir, wildcard: false, index: ['index.html'] });
    app.get('/*', { schema: { hide: true } }, async (request, reply) => {
      if (request.url.startsWith('/api')) {
        throw new AppError('not_found', `No route for GET ${request.url.split('?')[0]}`);
      }
      return reply.type('text/html').sendFile('index.html');
    });
  },
  { name: 'web-app', dependencies: ['error-handler'] },
);
