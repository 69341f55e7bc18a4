import { defineConfig } from 'vite';

// One small bundle per island; fixed names, so the Qute templates can name them.
// The output directory comes from Maven (--outDir target/classes/META-INF/resources/assets).
export default defineConfig({
  publicDir: false,
  build: {
    emptyOutDir: true,
    target: 'es2020',
    sourcemap: false,
    rollupOptions: {
      input: {
        portal: 'src/portal.js',
        chart: 'src/chart.js',
        map: 'src/map.js',
        ballot: 'src/ballot.js',
        scoresheet: 'src/scoresheet.js',
        'scoresheet-sw': 'src/scoresheet-sw.js',
      },
      output: {
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        assetFileNames: '[name][extname]',
      },
    },
  },
});
