/** Module translator: see its pom description. */
package newsroom.translator;
