/**
 * The locker's one error vocabulary: a small sealed hierarchy that services throw and that each
 * edge maps exhaustively to its own form (the HTTP edge to a status and an error body). Messages
 * are one readable sentence and never contain tokens, secrets, wrapped blobs or passphrases.
 */
package io.keylocker.locker.error;
