package io.keylocker.bench;

import io.keylocker.agent.vault.VaultHttpServer;
import io.keylocker.crypto.pki.Pem;
import io.keylocker.crypto.pki.TlsContexts;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The ceiling for {@code bench/kv-read}: {@link VaultHttpServer} — the agent's own HTTPS stack —
 * with the agent's own TLS identity, answering every request with a constant JSON body of a given
 * size. Usage: {@code BareEndpoint STATE_DIR PORT BODY_BYTES}; runs until killed.
 */
public final class BareEndpoint {
  private BareEndpoint() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: BareEndpoint STATE_DIR PORT BODY_BYTES");
      System.exit(2);
    }
    String pem = Files.readString(Path.of(args[0]).resolve("vault-tls.pem"));
    var identity = new TlsContexts.Identity(Pem.privateKey(pem), Pem.certificates(pem));
    byte[] body = constantBody(Integer.parseInt(args[2]));
    Handler handler =
        new Handler.Abstract.NonBlocking() {
          @Override
          public boolean handle(Request request, Response response, Callback callback) {
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            response.write(true, ByteBuffer.wrap(body), callback);
            return true;
          }
        };
    try (VaultHttpServer server =
        VaultHttpServer.start("127.0.0.1", Integer.parseInt(args[1]), TlsContexts.create(Optional.of(identity), Optional.empty()), handler)) {
      System.out.println("bare endpoint on https://127.0.0.1:" + server.port() + " body " + body.length + " bytes");
      new CountDownLatch(1).await();
    }
  }

  private static byte[] constantBody(int size) {
    byte[] body = new byte[size];
    Arrays.fill(body, (byte) ' ');
    body[0] = '{';
    body[size - 2] = '}';
    body[size - 1] = '\n';
    return body;
  }
}
