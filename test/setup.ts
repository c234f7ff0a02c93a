// Chevrotain needs Object.groupBy (Node 21+): install it before any test imports Langium.
import '../packages/language/src/polyfill.js';
