package io.keylocker.agent;

import io.keylocker.agent.state.StateDirectory;
import io.keylocker.agent.state.StateFile;
import io.keylocker.crypto.pki.Pem;
import io.keylocker.crypto.pki.TlsContexts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/** A Vault client of a running daemon, as the database is one: its token, trusting its CA. */
final class VaultHttp {
  private VaultHttp() {}

  static HttpResponse<String> get(AgentDaemon daemon, Path stateDir, String path) throws Exception {
    StateDirectory state = StateDirectory.open(stateDir);
    String ca = new String(state.read(StateFile.VAULT_CA), StandardCharsets.US_ASCII);
    String token = new String(state.read(StateFile.VAULT_TOKEN), StandardCharsets.US_ASCII).strip();
    try (HttpClient client = HttpClient.newBuilder()
        .sslContext(TlsContexts.client(Pem.certificate(ca), Optional.empty())).build()) {
      HttpRequest request = HttpRequest.newBuilder(URI.create(daemon.vaultAddress() + path))
          .header("X-Vault-Token", token).GET().build();
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
  }
}
