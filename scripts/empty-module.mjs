// The CLIs bundle `server-only` as this empty module (scripts/build-cli.mjs): they run on the server.
export {};
