/** Files the explorer imports that `npm run build:web` (esbuild) bundles. */

/** The contract operations, as text (esbuild's text loader). */
declare module '*.graphql' {
  const document: string;
  export default document;
}

/** Style sheets, gathered into `main.css` beside the bundle. */
declare module '*.css';
