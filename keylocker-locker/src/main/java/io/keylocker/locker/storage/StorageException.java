package io.keylocker.locker.storage;

/** The database failed or refused to start; never shown to API callers (they see INTERNAL). */
public final class StorageException extends RuntimeException {
  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }

  public StorageException(String message) {
    super(message);
  }
}
