// The easy-read pages without a form of their own (the way in, a region's start): read-aloud only.
import { setUpReadAloud } from './read-aloud.ts';

setUpReadAloud();
