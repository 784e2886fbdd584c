import { DynamicKey5 } from '../../legacy'
export = DynamicKey5
