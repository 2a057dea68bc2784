package io.keylocker.agent.lockerclient;

import io.keylocker.agent.usage.UsageReport;
import io.keylocker.agent.usage.UsageSink;

/** {@link UsageSink} over the locker's agent API: {@code POST /v1/agent/usage} (204). */
final class LockerUsageSink implements UsageSink {
  private final LockerHttp http;

  LockerUsageSink(LockerHttp http) {
    this.http = http;
  }

  @Override
  public void send(UsageReport report) {
    http.exchange("POST", "/v1/agent/usage", LockerJson.write(body(report)));
  }

  static LockerJson.Usage body(UsageReport report) {
    return new LockerJson.Usage(
        report.observedAt().toString(),
        new LockerJson.UsageDatabase(report.product(), report.version(), report.startedAt().toString()),
        report.tablespaces().stream()
            .map(t -> new LockerJson.UsageTablespace(t.name(), t.keyId(), t.minKeyVersion(), t.currentKeyVersion(), t.rotating()))
            .toList(),
        report.unencrypted(),
        report.redoLog().map(k -> new LockerJson.UsageLogKey(k.keyId(), k.keyVersion())).orElse(null),
        report.binlogs()
            .map(b -> b.stream().map(k -> new LockerJson.UsageBinlog(k.file(), k.keyId(), k.keyVersion())).toList())
            .orElse(null));
  }
}
