// Stylesheets are imported for their side effect; Vite bundles them into a file (CSP: style-src 'self').
declare module '*.css';
