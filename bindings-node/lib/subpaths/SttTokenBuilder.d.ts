export { SttTokenBuilder } from '../../index'
