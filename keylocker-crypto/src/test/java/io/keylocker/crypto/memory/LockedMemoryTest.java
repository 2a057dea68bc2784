package io.keylocker.crypto.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;

class LockedMemoryTest {
  @Test
  void allocate_onLinux_locksPageAlignedMemory() {
    LockedMemory.Region region = LockedMemory.allocate(32);
    try {
      assertThat(LockedMemory.available()).isTrue();
      assertThat(region.locked()).as("mlock + MADV_DONTDUMP succeeded").isTrue();
      assertThat(region.segment().byteSize()).isEqualTo(32);
      assertThat(region.segment().address() % 4096).isZero();
    } finally {
      region.release();
    }
  }

  @Test
  void release_zeroesTheMemoryBeforeFreeing() {
    LockedMemory.Region region = LockedMemory.allocate(8);
    region.segment().fill((byte) 0x5a);
    assertThat(region.segment().get(ValueLayout.JAVA_BYTE, 3)).isEqualTo((byte) 0x5a);
    region.release();
    assertThat(region.segment().scope().isAlive()).isFalse();
  }
}
