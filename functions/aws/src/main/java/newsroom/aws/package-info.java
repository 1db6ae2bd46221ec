/** Module aws: see its pom description. */
package newsroom.aws;
