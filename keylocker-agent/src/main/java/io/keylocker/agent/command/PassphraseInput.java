package io.keylocker.agent.command;

import io.keylocker.agent.error.AgentException;
import io.keylocker.crypto.SecretBytes;
import java.io.Console;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads a passphrase into {@link SecretBytes} without ever making it a {@code String}: the first
 * line of a file (line end removed), or typed at the terminal without echo. The file's content is
 * never printed.
 */
final class PassphraseInput {
  private PassphraseInput() {}

  static SecretBytes read(Path file, boolean confirm) {
    return file != null ? fromFile(file) : fromTerminal(confirm);
  }

  static SecretBytes fromFile(Path file) {
    byte[] content;
    try {
      content = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new AgentException.InvalidInput("cannot read the passphrase file " + file + " (" + e.getClass().getSimpleName() + ")");
    }
    try {
      int end = 0;
      while (end < content.length && content[end] != '\n') {
        end++;
      }
      if (end > 0 && content[end - 1] == '\r') {
        end--;
      }
      return SecretBytes.copyOf(content, 0, end);
    } finally {
      Arrays.fill(content, (byte) 0);
    }
  }

  private static SecretBytes fromTerminal(boolean confirm) {
    Console console = System.console();
    if (console == null || !console.isTerminal()) {
      throw new AgentException.InvalidInput("no terminal to ask for the passphrase: use --passphrase-file");
    }
    char[] first = console.readPassword("Passphrase: ");
    char[] second = confirm ? console.readPassword("Repeat the passphrase: ") : null;
    try {
      if (first == null || (confirm && !Arrays.equals(first, second))) {
        throw new AgentException.InvalidInput(first == null ? "no passphrase was entered" : "the passphrases do not match");
      }
      return utf8(first);
    } finally {
      wipe(first);
      wipe(second);
    }
  }

  private static SecretBytes utf8(char[] chars) {
    ByteBuffer bytes = null;
    try {
      bytes = StandardCharsets.UTF_8.newEncoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .encode(CharBuffer.wrap(chars));
      return SecretBytes.copyOf(bytes.array(), 0, bytes.limit());
    } catch (CharacterCodingException e) {
      throw new AgentException.InvalidInput("the passphrase is not valid text");
    } finally {
      if (bytes != null) {
        Arrays.fill(bytes.array(), (byte) 0);
      }
    }
  }

  private static void wipe(char[] chars) {
    if (chars != null) {
      Arrays.fill(chars, '\0');
    }
  }
}
