export { ChatTokenBuilder } from '../../index'
