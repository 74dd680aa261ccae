import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig(({ command, mode }) => {
  // A production build ships React's production code whatever NODE_ENV the caller has: Vite keeps an
  // inherited NODE_ENV, and a build started from vitest (the end-to-end tests) inherits NODE_ENV=test,
  // which used to put React's development build (1.7x the framework's size, several times slower to
  // render) into web/dist, where `npm start` then served it.
  if (command === 'build' && mode === 'production') process.env.NODE_ENV = 'production';
  return {
    plugins: [react(), tailwindcss()],
    server: {
      // The API runs as its own process in development; in production Fastify serves dist/ and /api together.
      proxy: { '/api': 'http://127.0.0.1:3000' },
    },
    preview: {
      proxy: { '/api': 'http://127.0.0.1:3000' },
    },
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      rolldownOptions: {
        output: {
          codeSplitting: {
            groups: [
              // The framework changes far less often than the app: its own chunk stays cached across
              // releases. Page-only libraries (charts) are left out so they stay in their lazy chunks.
              { name: 'framework', test: /[\\/]node_modules[\\/](react|react-dom|scheduler|@tanstack)[\\/]/ },
            ],
          },
        },
      },
    },
  };
});
