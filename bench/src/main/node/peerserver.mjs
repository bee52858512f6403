// Starts PeerServer (npm package `peer`) on loopback for the relay benchmark.
// Usage: node peerserver.mjs PORT   (run from the folder `peer` is installed in)
import { PeerServer } from 'peer';

const port = Number(process.argv[2]);
PeerServer({
  host: '127.0.0.1',
  port,
  path: '/',
  key: 'peerjs',
  // The default (5000) would refuse a 10k-socket run; raise it so the bench measures relay, not refusal.
  concurrent_limit: 1000000,
}, () => console.log(`PeerServer listening on 127.0.0.1:${port}`));
