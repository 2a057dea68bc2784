package io.keylocker.agent.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VaultSettingsTest {
  @Test
  void parse_acceptsHostPortAndBracketedIpv6() {
    assertThat(VaultSettings.parse("127.0.0.1:8200", "mariadb")).isEqualTo(VaultSettings.DEFAULTS);
    VaultSettings v6 = VaultSettings.parse("[::1]:8300", "kv/mariadb");
    assertThat(v6.host()).isEqualTo("::1");
    assertThat(v6.mountUrl()).isEqualTo("https://[::1]:8300/v1/kv/mariadb");
  }

  @Test
  void clientAddress_usesLoopbackWhenListeningEverywhere() {
    assertThat(new VaultSettings("0.0.0.0", 8200, "mariadb").clientAddress()).isEqualTo("https://127.0.0.1:8200");
  }

  @Test
  void invalidSettings_nameEveryProblemAtOnce() {
    assertThatThrownBy(() -> new VaultSettings("bad host", 70000, "sys"))
        .hasMessageContaining("listen host")
        .hasMessageContaining("port")
        .hasMessageContaining("mount");
    assertThatThrownBy(() -> VaultSettings.parse("8200", "mariadb")).hasMessageContaining("host:port");
  }

  @Test
  void json_roundTrips() {
    VaultSettings settings = new VaultSettings("localhost", 8300, "kv/db");
    assertThat(VaultSettings.fromJson(settings.toJson())).isEqualTo(settings);
  }
}
