package io.keylocker.cli.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** The key lifecycle commands of docs/api.md through the whole command line, against a fake locker. */
class KeyCommandsTest {
  static final String KEYRING_PATH = "/v1/admin/tenants/acme/servers/db1/keyring";
  static final String KEYRING =
      """
      {"tenant":"acme","server":"db1","keyring":"default","created_at":"2026-12-03T16:21:00Z",
       "kdf":{"algorithm":"argon2id","memory_kib":65536,"iterations":3,"parallelism":4},
       "policy":{"cryptoperiod_days":90,"destroy_grace_days":7},
       "usage_reported_at":"2026-12-03T16:30:00Z","unencrypted_tables":["shop/public_info","shop/logs"],
       "keys":[
        {"key_id":1,"next_rotation_at":"2027-03-03T16:25:00Z","versions":[
         {"version":1,"state":"deactivated","created_at":"2026-12-03T16:21:00Z","activated_at":"2026-12-03T16:21:00Z",
          "deactivated_at":"2026-12-03T16:25:00Z","compromised_at":null,"destroyed_at":null,
          "destroy_scheduled_for":"2026-12-10T16:26:00Z","destroy_blocked":"version 1 of key 1 is still in use by 3 tablespaces",
          "in_use_by_tablespaces":3,"in_use_by_logs":true},
         {"version":2,"state":"active","created_at":"2026-12-03T16:25:00Z","activated_at":"2026-12-03T16:25:00Z",
          "deactivated_at":null,"compromised_at":null,"destroyed_at":null,"destroy_scheduled_for":null,
          "in_use_by_tablespaces":1,"in_use_by_logs":false}]},
        {"key_id":4294967295,"next_rotation_at":null,"versions":[
         {"version":1,"state":"destroyed","created_at":"2026-12-03T16:22:00Z","activated_at":"2026-12-03T16:22:00Z",
          "deactivated_at":null,"compromised_at":"2026-12-03T16:40:00Z","destroyed_at":"2026-12-03T16:50:00Z","compromise_reason":"tape lost",
          "destroy_scheduled_for":null,"in_use_by_tablespaces":0,"in_use_by_logs":false}]}]}
      """;
  private static final String HEADER =
      """
      keyring default of acme/db1, created 2026-12-03T16:21:00Z
      passphrase KDF: argon2id, 65536 KiB, 3 iterations, parallelism 4
      policy: cryptoperiod 90 days, destroy grace 7 days
      usage last reported 2026-12-03T16:30:00Z
      unencrypted tables (2): shop/public_info, shop/logs
      """;
  private static final String KEY_1 =
      """

      key 1: next rotation 2027-03-03T16:25:00Z
        version 1  deactivated
          created 2026-12-03T16:21:00Z, activated 2026-12-03T16:21:00Z, deactivated 2026-12-03T16:25:00Z
          in use by 3 tablespaces; the redo log or binary logs still need it
          destroy scheduled for 2026-12-10T16:26:00Z
          destroy blocked: version 1 of key 1 is still in use by 3 tablespaces
        version 2  active
          created 2026-12-03T16:25:00Z, activated 2026-12-03T16:25:00Z
          in use by 1 tablespace; the logs do not need it
      """;

  @AutoClose private final LockerCli cli = new LockerCli();

  @Test
  void show_text_givesEachVersionsStateDatesUsageAndDestroy_thenThePolicyAndUsage() {
    cli.locker.answer("GET " + KEYRING_PATH, 200, KEYRING);
    LockerCli.Result result = cli.run("key", "show", "--tenant", "acme", "--server", "db1");
    assertThat(result.exit()).as("%s", result).isZero();
    assertThat(result.out())
        .isEqualTo(
            HEADER + KEY_1
                + """

                key 4294967295: no rotation scheduled
                  version 1  destroyed
                    created 2026-12-03T16:22:00Z, activated 2026-12-03T16:22:00Z, compromised 2026-12-03T16:40:00Z, destroyed 2026-12-03T16:50:00Z
                    compromise reason: tape lost
                """);
    assertThat(result.err()).isEmpty();
  }

  @Test
  void show_withKey_showsOnlyThatKey() {
    cli.locker.answer("GET " + KEYRING_PATH, 200, KEYRING);
    LockerCli.Result result = cli.run("key", "show", "--tenant", "acme", "--server", "db1", "--key", "1");
    assertThat(result.exit()).as("%s", result).isZero();
    assertThat(result.out()).isEqualTo(HEADER + KEY_1);
  }

  @Test
  void show_withKeyNotInTheKeyring_isNotFound() {
    cli.locker.answer("GET " + KEYRING_PATH, 200, KEYRING);
    LockerCli.Result result = cli.run("key", "show", "--tenant", "acme", "--server", "db1", "--key", "7", "--format", "json");
    assertThat(result.exit()).isEqualTo(5);
    assertThat(result.err()).isEqualTo("keylocker: key 7 is not in the keyring of acme/db1\n");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void show_json_printsTheLockersKeyringAsIs() {
    cli.locker.answer("GET " + KEYRING_PATH, 200, KEYRING);
    LockerCli.Result result = cli.run("key", "show", "--tenant", "acme", "--server", "db1", "--key", "1", "--format", "json");
    assertThat(result.exit()).isZero();
    assertThat(result.out()).isEqualTo(KEYRING);
  }

  @Test
  void show_beforeAnyUsageReport_saysEveryVersionCountsAsInUse() {
    cli.locker.answer(
        "GET " + KEYRING_PATH,
        200,
        "{\"keyring\":\"default\",\"created_at\":\"2026-12-03T16:21:00Z\",\"kdf\":{},\"usage_reported_at\":null,"
            + "\"unencrypted_tables\":[],\"keys\":[]}");
    LockerCli.Result result = cli.run("key", "show", "--tenant", "acme", "--server", "db1");
    assertThat(result.exit()).as("%s", result).isZero();
    assertThat(result.out()).endsWith("usage: never reported by the agent, so every version counts as in use\n\nno keys\n");
  }

  @Test
  void show_withAScheduledDecommission_saysSoFirst() {
    cli.locker.answer(
        "GET " + KEYRING_PATH,
        200,
        "{\"kdf\":{},\"destroy_scheduled_for\":\"2026-12-10T16:00:00Z\",\"usage_reported_at\":null,\"keys\":[]}");
    LockerCli.Result result = cli.run("key", "show", "--tenant", "acme", "--server", "db1");
    assertThat(result.exit()).as("%s", result).isZero();
    assertThat(result.out())
        .contains("WHOLE KEYRING scheduled for destruction at 2026-12-10T16:00:00Z (cancel with key cancel-destroy-keyring)\n");
  }

  @Test
  void show_namesTwentyUnencryptedTables_andCountsTheRest() {
    StringBuilder tables = new StringBuilder("\"t0\"");
    for (int i = 1; i < 25; i++) {
      tables.append(",\"t").append(i).append('"');
    }
    cli.locker.answer(
        "GET " + KEYRING_PATH,
        200,
        "{\"kdf\":{},\"usage_reported_at\":\"2026-12-03T16:30:00Z\",\"unencrypted_tables\":[" + tables + "],\"keys\":[]}");
    LockerCli.Result result = cli.run("key", "show", "--tenant", "acme", "--server", "db1");
    assertThat(result.out()).contains("unencrypted tables (25): t0, t1, ").contains(", t19 and 5 more\n").doesNotContain("t20");
  }

  @Test
  void show_valuesFromTheLocker_cannotForgeLines() {
    cli.locker.answer(
        "GET " + KEYRING_PATH,
        200,
        "{\"kdf\":{},\"keys\":[{\"key_id\":1,\"versions\":[{\"version\":1,\"state\":\"active\\nkeylocker: forged\","
            + "\"destroy_blocked\":\"x\\u001b[2J\"}]}]}");
    LockerCli.Result result = cli.run("key", "show", "--tenant", "acme", "--server", "db1");
    assertThat(result.out()).contains("  version 1  active?keylocker: forged\n").contains("destroy blocked: x?[2J\n");
  }

  @Test
  void list_keepsItsCompactTable_andItsJsonIsTheLockersAnswer() {
    cli.locker.answer("GET " + KEYRING_PATH, 200, KEYRING);
    LockerCli.Result text = cli.run("key", "list", "--tenant", "acme", "--server", "db1");
    assertThat(text.exit()).as("%s", text).isZero();
    assertThat(text.out())
        .endsWith(
            """
            KEY         VERSION  STATE        CREATED
            1           1        deactivated  2026-12-03T16:21:00Z
            1           2        active       2026-12-03T16:25:00Z
            4294967295  1        destroyed    2026-12-03T16:22:00Z
            """);
    assertThat(cli.run("key", "list", "--tenant", "acme", "--server", "db1", "--format", "json").out()).isEqualTo(KEYRING);
  }

  @Test
  void rotate_oneKey_postsItsId_andNamesTheQueuedCommand() {
    cli.locker.answer("POST " + KEYRING_PATH + "/rotate", 202, "{\"commands\":[{\"id\":\"5f0c9a1e\",\"key_id\":2}]}");
    LockerCli.Result result = cli.run("key", "rotate", "--tenant", "acme", "--server", "db1", "--key", "2");
    assertThat(result.exit()).as("%s", result).isZero();
    assertThat(cli.requests()).containsExactly("POST " + KEYRING_PATH + "/rotate {\"key_id\":2}");
    assertThat(result.out())
        .isEqualTo(
            """
            rotation of key 2 of acme/db1 queued (command 5f0c9a1e)
            the agent of db1 creates the new versions when it is unlocked; follow with:
              keylocker key show --tenant acme --server db1
            """);
  }

  @Test
  void rotate_everyKey_postsAnEmptyObject_andJsonIsTheLockersAnswer() {
    String answer = "{\"commands\":[{\"id\":\"a\",\"key_id\":1},{\"id\":\"b\",\"key_id\":2}]}";
    cli.locker.answer("POST " + KEYRING_PATH + "/rotate", 202, answer);
    LockerCli.Result result = cli.run("key", "rotate", "--tenant", "acme", "--server", "db1", "--format", "json");
    assertThat(result.exit()).isZero();
    assertThat(result.out()).isEqualTo(answer + "\n");
    assertThat(cli.requests()).containsExactly("POST " + KEYRING_PATH + "/rotate {}");
  }

  @Test
  void rotate_withNothingQueued_saysSo() {
    cli.locker.answer("POST " + KEYRING_PATH + "/rotate", 202, "{\"commands\":[]}");
    assertThat(cli.run("key", "rotate", "--tenant", "acme", "--server", "db1").out())
        .isEqualTo("no rotation queued: the keyring of acme/db1 has no keys\n");
  }
}
