package io.keylocker.crypto.memory;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Page-aligned off-heap memory for secrets, locked into RAM ({@code mlock}) and excluded from core
 * dumps ({@code madvise(MADV_DONTDUMP)}) when the platform allows. Each region owns whole pages so
 * that unlocking one never unlocks another's memory. When a call is refused (no Linux, no
 * native access, {@code RLIMIT_MEMLOCK} exhausted) the region is still usable and zeroed on
 * release; the refusal is logged once.
 */
public final class LockedMemory {
  private static final Logger LOG = LoggerFactory.getLogger(LockedMemory.class);
  private static final long PAGE = 4096;
  private static final int MADV_DONTDUMP = 16;
  private static final AtomicBoolean WARNED = new AtomicBoolean();
  private static final Optional<Natives> NATIVES = Natives.load();

  private LockedMemory() {}

  /** An owned region; {@link #release()} zeroes, unlocks and frees it. */
  public static final class Region {
    private final Arena arena;
    private final MemorySegment pages;
    private final MemorySegment segment;
    private final boolean locked;

    private Region(Arena arena, MemorySegment pages, int length, boolean locked) {
      this.arena = arena;
      this.pages = pages;
      this.segment = pages.asSlice(0, length);
      this.locked = locked;
    }

    public MemorySegment segment() {
      return segment;
    }

    /** True when the pages are locked in RAM and excluded from dumps. */
    public boolean locked() {
      return locked;
    }

    public void release() {
      pages.fill((byte) 0);
      if (locked) {
        NATIVES.ifPresent(n -> n.munlock(pages));
      }
      arena.close();
    }
  }

  public static Region allocate(int length) {
    if (length < 0) {
      throw new IllegalArgumentException("negative length");
    }
    long size = Math.max(PAGE, (length + PAGE - 1) / PAGE * PAGE);
    Arena arena = Arena.ofShared();
    MemorySegment pages = arena.allocate(size, PAGE);
    boolean locked = NATIVES.map(n -> n.protect(pages)).orElse(false);
    if (!locked) {
      warnOnce("secret memory is not locked (mlock/madvise unavailable or refused)");
    }
    return new Region(arena, pages, length, locked);
  }

  /** Whether secrets can be locked here at all (for status output). */
  public static boolean available() {
    return NATIVES.isPresent();
  }

  /** {@code prctl(PR_SET_DUMPABLE, 0)}: no core dumps, no ptrace by same-uid processes. */
  public static boolean disableCoreDumps() {
    boolean done = NATIVES.map(Natives::notDumpable).orElse(false);
    if (!done) {
      warnOnce("could not mark the process non-dumpable (prctl unavailable or refused)");
    }
    return done;
  }

  static void warnOnce(String message) {
    if (WARNED.compareAndSet(false, true)) {
      LOG.warn("memory hygiene: {}", message);
    }
  }

  private record Natives(MethodHandle mlock, MethodHandle munlock, MethodHandle madvise, MethodHandle prctl) {
    @SuppressWarnings("restricted") // the whole point: libc calls, enabled by --enable-native-access
    static Optional<Natives> load() {
      if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
        return Optional.empty();
      }
      try {
        Linker linker = Linker.nativeLinker();
        SymbolLookup libc = linker.defaultLookup();
        FunctionDescriptor addrLen =
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG);
        return Optional.of(
            new Natives(
                linker.downcallHandle(libc.find("mlock").orElseThrow(), addrLen),
                linker.downcallHandle(libc.find("munlock").orElseThrow(), addrLen),
                linker.downcallHandle(
                    libc.find("madvise").orElseThrow(),
                    FunctionDescriptor.of(
                        ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT)),
                linker.downcallHandle(
                    libc.find("prctl").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG),
                    Linker.Option.firstVariadicArg(1))));
      } catch (RuntimeException | Error e) {
        warnOnce("native calls unavailable: " + e.getClass().getSimpleName());
        return Optional.empty();
      }
    }

    boolean protect(MemorySegment pages) {
      try {
        int locked = (int) mlock.invokeExact(pages, pages.byteSize());
        int advised = (int) madvise.invokeExact(pages, pages.byteSize(), MADV_DONTDUMP);
        return locked == 0 && advised == 0;
      } catch (Throwable t) {
        return false;
      }
    }

    void munlock(MemorySegment pages) {
      try {
        int ignored = (int) munlock.invokeExact(pages, pages.byteSize());
      } catch (Throwable t) {
        // the pages are zeroed already; a failed unlock only costs locked-memory budget
      }
    }

    boolean notDumpable() {
      try {
        return (int) prctl.invokeExact(4 /* PR_SET_DUMPABLE */, 0L) == 0;
      } catch (Throwable t) {
        return false;
      }
    }
  }
}
