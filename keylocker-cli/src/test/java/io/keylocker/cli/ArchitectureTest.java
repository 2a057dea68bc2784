package io.keylocker.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The boundaries of ARCHITECTURE.md and STYLE.md, checked on the compiled production code. */
class ArchitectureTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.keylocker");

  @Test
  void onlyTheCryptoLibrary_usesJavaxCrypto() {
    noClasses().that().resideOutsideOfPackage("io.keylocker.crypto..")
        .should().dependOnClassesThat().resideInAPackage("javax.crypto..")
        .check(CLASSES);
  }

  @Test
  void cryptoLibrary_dependsOnNoDeployable() {
    noClasses().that().resideInAPackage("io.keylocker.crypto..")
        .should().dependOnClassesThat().resideInAnyPackage("io.keylocker.locker..", "io.keylocker.agent..", "io.keylocker.cli..")
        .check(CLASSES);
  }

  @Test
  void lockerAndAgent_doNotDependOnEachOther() {
    noClasses().that().resideInAPackage("io.keylocker.locker..")
        .should().dependOnClassesThat().resideInAPackage("io.keylocker.agent..")
        .check(CLASSES);
    noClasses().that().resideInAPackage("io.keylocker.agent..")
        .should().dependOnClassesThat().resideInAPackage("io.keylocker.locker..")
        .check(CLASSES);
  }
}
