export { ConvoAITokenBuilder } from '../../index'
