/** Module local: see its pom description. */
package newsroom.local;
