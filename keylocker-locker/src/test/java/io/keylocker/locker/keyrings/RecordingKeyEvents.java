package io.keylocker.locker.keyrings;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every reported event for assertions. */
public final class RecordingKeyEvents implements KeyEvents {
  private final List<KeyEvent> events = new CopyOnWriteArrayList<>();

  @Override
  public void record(KeyEvent event) {
    events.add(event);
  }

  public List<KeyEvent> events() {
    return List.copyOf(events);
  }
}
