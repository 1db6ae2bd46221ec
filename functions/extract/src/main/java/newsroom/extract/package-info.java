/** Module extract: see its pom description. */
package newsroom.extract;
