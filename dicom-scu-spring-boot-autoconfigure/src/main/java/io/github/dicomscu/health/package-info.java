/**
 * Health indicator of remote AEs, verified with C-ECHO.
 */
package io.github.dicomscu.health;
