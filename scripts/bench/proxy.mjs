// `node scripts/bench/proxy.mjs <listenPort> <targetPort>...`: a small round-robin HTTP load
// balancer on loopback for the benchmark's scale-out run (two app instances, one database).
// Keep-alive connections to every instance; requests and responses are streamed through
// unchanged (the Host header too, so the app's same-origin check sees what a browser sent).
import http from "node:http";

const [listenPort, ...targetPorts] = process.argv.slice(2).map(Number);
if (!listenPort || targetPorts.length === 0) throw new Error("usage: proxy.mjs <listenPort> <targetPort>...");
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
let next = 0;

const server = http.createServer((request, response) => {
  const port = targetPorts[next++ % targetPorts.length];
  const upstream = http.request(
    { host: "127.0.0.1", port, method: request.method, path: request.url, headers: request.headers, agent },
    (reply) => {
      response.writeHead(reply.statusCode ?? 502, reply.headers);
      reply.pipe(response);
    },
  );
  upstream.on("error", () => {
    if (!response.headersSent) response.writeHead(502);
    response.end();
  });
  request.pipe(upstream);
});
server.keepAliveTimeout = 30_000;
server.listen(listenPort, "127.0.0.1", () => process.stdout.write(`listening ${listenPort}\n`));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
