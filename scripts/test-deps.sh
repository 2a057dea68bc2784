#!/usr/bin/env bash
# Installs (as root) or checks (otherwise) everything the Keylocker test suite needs from the
# machine: Java 25, the real MariaDB with the real Vault key-management plugin, Debian's hvac,
# and wrk for the benchmark. Prints the exact install line and fails when something is missing
# and we are not root.
set -euo pipefail

PACKAGES=(mariadb-server mariadb-plugin-hashicorp-key-management python3-hvac wrk)
JAVA_HOME_25=${KEYLOCKER_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  line="apt-get update && apt-get install -y --no-install-recommends ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then
    echo "keylocker: missing Debian packages for the tests: ${missing[*]}" >&2
    echo "keylocker: install them as root with:  $line" >&2
    exit 1
  fi
  echo "keylocker: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  # The packaged MariaDB service is not ours; never let the install (re)start it on our behalf.
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d
    trap 'rm -f /usr/sbin/policy-rc.d' EXIT
  fi
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ ! -x "$JAVA_HOME_25/bin/java" ]; then
  echo "keylocker: Java 25 not found at $JAVA_HOME_25 (set KEYLOCKER_JAVA_HOME to a JDK 25)" >&2
  exit 1
fi
